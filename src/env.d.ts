/** The content's repository, resolved by astro.config.mjs at build time (src/lib/repository.ts); absent outside Astro. */
declare const __SITE_REPOSITORY__: import('./lib/repository').Repository | null | undefined;
