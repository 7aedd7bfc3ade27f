import { z } from 'zod';

/**
 * Zod compiles fast object parsers with `new Function` unless told not to, and probes for it first.
 * The server's Content-Security-Policy has no 'unsafe-eval', so the probe (caught, but still a
 * violation) would land in the browser's issues. main.tsx imports this first and the build keeps it
 * in zod's chunk, so it runs before any schema is built (docs/architecture.md#content-security-policy-and-zod).
 */
z.config({ jitless: true });
