/**
 * Recharts measures its box: jsdom has no ResizeObserver and lays nothing out. The drawing is not
 * what component tests read (the browser suite draws it), so a stand-in observer is installed and
 * Recharts' zero-size warning is let through silently; other warnings still print.
 */
export function quietRecharts(): void {
  beforeAll(() => {
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    const warn = console.warn;
    jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).startsWith('The width(0) and height(0) of chart')) warn(...args);
    });
  });
}
