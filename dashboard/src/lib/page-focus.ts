/**
 * After a navigation, focus goes to the new page's title, so a keyboard or screen-reader user
 * starts at the top of what changed: the navigation is one Shift+Tab above, the content one Tab
 * below. The shell marks a navigation; the page's title takes the focus when it appears (pages
 * load lazily, so it may appear a moment later). Whatever the page focuses itself afterwards (a
 * notice) wins.
 */
let pending = false;

export function markNavigation(): void {
  pending = true;
}

/** True once per navigation: for the first title that appears after it. */
export function takePageFocus(): boolean {
  const take = pending;
  pending = false;
  return take;
}
