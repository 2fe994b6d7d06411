import { defineConfig } from 'vitest/config';

// e2e: real Chromium against the real browser-mode host; run one file at a time on a 2-core machine.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // a page can take more than expect.poll's default 1 s to load its data on a busy machine; what is polled for stays the same
    expect: { poll: { timeout: 10_000 } },
    server: { deps: { inline: ['kysely'] } },
  },
});
