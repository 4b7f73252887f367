import { describe, expect, it } from 'vitest';
import { limiter } from './limit';

describe('limiter', () => {
  it('runs at most the given number of tasks at once', async () => {
    const run = limiter(2);
    let running = 0;
    let most = 0;
    const task = () => new Promise<void>((resolve) => {
      running++;
      most = Math.max(most, running);
      setTimeout(() => {
        running--;
        resolve();
      }, 5);
    });
    await Promise.all(Array.from({ length: 6 }, () => run(task)));
    expect(most).toBe(2);
  });

  it('spaces the starts', async () => {
    const run = limiter(10, 20);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 3 }, () => run(async () => { starts.push(Date.now()); })));
    expect(starts[2] - starts[0]).toBeGreaterThanOrEqual(35);
  });
});
