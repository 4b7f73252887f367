/**
 * Runs at most `concurrency` of the given tasks at once, starting one at most every `spacingMs` (to stay
 * inside the gateway's per-tenant rate limit, 50 requests a second by default).
 */
export function limiter(concurrency: number, spacingMs = 0) {
  let running = 0;
  let lastStart = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const queue: (() => void)[] = [];
  const next = () => {
    if (running >= concurrency || queue.length === 0 || timer !== undefined) {
      return;
    }
    const wait = lastStart + spacingMs - Date.now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        next();
      }, wait);
      return;
    }
    const start = queue.shift()!;
    running++;
    lastStart = Date.now();
    start();
    next();
  };
  return function run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push(() => {
        task().then(resolve, reject).finally(() => {
          running--;
          next();
        });
      });
      next();
    });
  };
}
