import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useAuth } from '../auth/AuthProvider';
import type { LiveEvent } from '../api/types';
import { backoff, isNews, parseMessage, reactionTo, socketUrl } from './messages';

export type Connection = 'connecting' | 'open' | 'reconnecting' | 'paused';

export interface Live {
  connection: Connection;
  /** The cursor of the last message received, sent as `cursor` on reconnect. */
  cursor: string | null;
  /** Closes the socket and stays disconnected (the header's indicator toggles it). */
  pause(): void;
  /** Connects again, resuming after the last event received. */
  resume(): void;
  /**
   * Calls `listener` with every message as it arrives (before the toasts' gathering); returns the unsubscribe.
   * A page waiting for one message (a command's outcome) listens here.
   */
  subscribe(listener: LiveListener): () => void;
}

export type LiveListener = (message: LiveEvent) => void;

/** The live channel's context; tests provide a fixed {@link Live} through it. */
export const LiveContext = createContext<Live | null>(null);

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) {
    throw new Error('useLive outside LiveProvider');
  }
  return live;
}

/**
 * Calls `listener` with each live message while the component is mounted (the latest `listener`: it need not be
 * stable).
 */
export function useLiveMessages(listener: LiveListener): void {
  const { subscribe } = useLive();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => subscribe((message) => latest.current(message)), [subscribe]);
}

/** How long messages of one name are gathered into one toast (a full sync announces thousands). */
const TOAST_WINDOW_MS = 600;

/**
 * The tenant's real-time channel (notification-service through the gateway's `/ws`): one WebSocket,
 * token and tenant in the query (browsers cannot set headers on the handshake), reconnect with back-off
 * resuming from the last message's `cursor`, a full cache refresh on `resync`, the caches an event touches refreshed,
 * and a toast per event (bursts of one kind gathered into one toast). Close code 4401 (token expired)
 * sends the user to sign in.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const queries = useQueryClient();
  const [connection, setConnection] = useState<Connection>('connecting');
  const [cursor, setCursor] = useState<string | null>(null);
  const lastCursor = useRef<string | null>(null);
  const paused = useRef(false);
  const socket = useRef<WebSocket | null>(null);
  const attempts = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const batches = useRef(new Map<string, { messages: LiveEvent[]; timer: number }>());
  const listeners = useRef(new Set<LiveListener>());
  const tenant = auth.tenant;

  const flush = useCallback((name: string) => {
    const batch = batches.current.get(name);
    batches.current.delete(name);
    if (!batch) {
      return;
    }
    setCursor(lastCursor.current);
    const reaction = reactionTo(batch.messages[0]);
    const text = batch.messages.length === 1 ? reaction.text : reaction.many(batch.messages.length);
    toast[reaction.tone](text, { id: `live-${name}-${batch.messages[0].id ?? Date.now()}` });
    if (reaction.refresh === null) {
      void queries.invalidateQueries({ queryKey: [tenant] });
    } else {
      for (const prefix of reaction.refresh) {
        void queries.invalidateQueries({ queryKey: [tenant, ...prefix] });
      }
    }
  }, [queries, tenant]);

  const receive = useCallback((message: LiveEvent) => {
    if (typeof message.cursor === 'string') {
      lastCursor.current = message.cursor;
    }
    if (!isNews(message)) {
      return;
    }
    for (const listener of [...listeners.current]) {
      try {
        listener(message);
      } catch (error) {
        console.error('live listener failed', error);
      }
    }
    const name = message.event;
    const batch = batches.current.get(name);
    if (batch) {
      batch.messages.push(message);
      return;
    }
    batches.current.set(name, { messages: [message], timer: window.setTimeout(() => flush(name), TOAST_WINDOW_MS) });
  }, [flush]);

  const connect = useCallback(() => {
    window.clearTimeout(timer.current);
    const token = auth.accessToken();
    if (!token) {
      auth.signIn();
      return;
    }
    const ws = new WebSocket(socketUrl(window.location, token, tenant, lastCursor.current));
    socket.current = ws;
    setConnection(attempts.current === 0 ? 'connecting' : 'reconnecting');
    ws.onopen = () => {
      attempts.current = 0;
      setConnection('open');
    };
    ws.onmessage = (event) => {
      const message = typeof event.data === 'string' ? parseMessage(event.data) : null;
      if (message) {
        receive(message);
      }
    };
    ws.onclose = (event) => {
      if (socket.current !== ws) {
        return;
      }
      socket.current = null;
      if (paused.current) {
        setConnection('paused');
        return;
      }
      if (event.code === 4401 || !auth.accessToken()) {
        auth.signIn();
        return;
      }
      setConnection('reconnecting');
      timer.current = window.setTimeout(connect, backoff(attempts.current++));
    };
  }, [auth, tenant, receive]);

  useEffect(() => {
    paused.current = false;
    lastCursor.current = null;
    attempts.current = 0;
    connect();
    const pending = batches.current;
    return () => {
      window.clearTimeout(timer.current);
      const ws = socket.current;
      socket.current = null;
      ws?.close(1000, 'leaving');
      pending.forEach((batch) => window.clearTimeout(batch.timer));
      pending.clear();
    };
  }, [connect]);

  const pause = useCallback(() => {
    paused.current = true;
    window.clearTimeout(timer.current);
    setConnection('paused');
    const ws = socket.current;
    socket.current = null;
    ws?.close(1000, 'paused');
  }, []);

  const resume = useCallback(() => {
    paused.current = false;
    attempts.current = 0;
    connect();
  }, [connect]);

  const subscribe = useCallback((listener: LiveListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const live = useMemo<Live>(() => ({ connection, cursor, pause, resume, subscribe }), [connection, cursor, pause, resume, subscribe]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
