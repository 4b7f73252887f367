/** Runs at most `concurrency` of the given tasks at once (e.g. to stay inside the gateway's per-tenant rate). */
export function limiter(concurrency: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (running >= concurrency) {
      return;
    }
    const start = queue.shift();
    if (start) {
      running++;
      start();
    }
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
