import type { Problem } from './types';

/**
 * A failed API call: the RFC 9457 problem the service answered, or one made up from the status when
 * the body was not a problem (a proxy error page, a network failure).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait before asking again (`Retry-After` of a 429 or 503), when given. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    super(problemMessage(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** The stable problem type's last segment, e.g. `validation` of `https://lazi.io/problems/validation`. */
  get kind(): string {
    const type = this.problem.type ?? '';
    return type.substring(type.lastIndexOf('/') + 1);
  }
}

/** One sentence for a person: the detail, with the field it names, else the title, else the status. */
export function problemMessage(status: number, problem: Problem): string {
  const detail = problem.detail ?? problem.title ?? (status ? `HTTP ${status}` : 'Network error');
  const field = typeof problem.field === 'string' && problem.field && !detail.includes(problem.field)
    ? `${problem.field}: ` : '';
  return `${field}${detail}`;
}

/** Reads a response body as a problem when it is one (any JSON object will do), else from the status. */
export async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return parsed as Problem;
      }
    } catch {
      // not JSON: fall through to the status
    }
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}

/** A message for anything thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

/** What a 412 means to the user: the record changed since the page read it. */
export const STALE_MESSAGE = 'Someone else changed this record; reload to see their changes';

/** The field a 400 names and what is wrong with it, or null when the problem names none. */
export function fieldProblem(error: unknown): { field: string; message: string } | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const field = error.problem.field;
  if (typeof field !== 'string' || !field) return null;
  return { field, message: error.problem.detail ?? error.problem.title ?? 'is not valid' };
}
