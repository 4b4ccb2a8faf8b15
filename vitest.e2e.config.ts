import { defineConfig } from 'vitest/config';

// Browser tests: the site is built once into .e2e-dist/ (tests/e2e/setup.ts), then each file serves
// it on 127.0.0.1 and drives Debian's Chromium. Files run one after another: the machine has 2 cores.
export default defineConfig({
	test: {
		// *.e2e.ts, so that the main config's tests/**/*.test.ts never picks them up.
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/setup.ts'],
		fileParallelism: false,
		testTimeout: 30_000,
		hookTimeout: 60_000,
	},
});
