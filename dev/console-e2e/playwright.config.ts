import { defineConfig } from '@playwright/test';

/**
 * Debian's Chromium, never a downloaded browser (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 is set by the JUnit
 * test that runs this); the flags keep it off the network this machine does not have. The base URL,
 * user and password come from the started platform (ConsoleBrowserIntegrationTests).
 */
const output = process.env.LAZI_PLAYWRIGHT_OUTPUT ?? 'target/playwright';

export default defineConfig({
  testDir: 'tests',
  outputDir: `${output}/results`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.LAZI_CONSOLE_URL ?? 'http://localhost:8080',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
