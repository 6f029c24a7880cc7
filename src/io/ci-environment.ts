const OFF = new Set(['', '0', 'false']);

/**
 * True when running under continuous integration: `CI` is set to anything but empty, `0` or `false` (trimmed, any
 * case). CI services set `CI=true` (or `1`), and a user turns the effect off with `CI=0` or `CI=false`, so those
 * must not count; reading mere presence (as `if (env.CI)` does for `CI=false`) would be wrong.
 */
export function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.CI;
  return value !== undefined && !OFF.has(value.trim().toLowerCase());
}
