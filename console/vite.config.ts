/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * sonner injects its stylesheet as an inline <style> element at import time, which the gateway's
 * Content-Security-Policy (style-src 'self') refuses. The stylesheet is imported as a file instead
 * (src/main.tsx), and the injection is turned into a no-op here.
 */
function sonnerWithoutInlineStyle(): Plugin {
  return {
    name: 'lazi-sonner-without-inline-style',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]sonner[\\/]dist[\\/]index\.m?js$/.test(id)) {
        return null;
      }
      const patched = code.replace(/__insertCSS\("/, '(function(){})("');
      if (patched === code) {
        this.error('sonner no longer injects its CSS through __insertCSS: check the CSP workaround');
      }
      return { code: patched, map: null };
    },
  };
}

// The dev server proxies the gateway, so `npm run dev` behaves like the served console
// (LAZI_GATEWAY_URL, default http://localhost:8080).
const gateway = process.env.LAZI_GATEWAY_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), sonnerWithoutInlineStyle()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': gateway,
      '/images': gateway,
      '/console-config.json': gateway,
      '/ws': { target: gateway.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
