/**
 * A polite live region for the page's announcements, added once at start so
 * that screen readers are already watching it when a message arrives.
 */
export function liveRegion(): (message: string) => void {
  const region = document.createElement('p');
  region.className = 'sr-only';
  region.setAttribute('role', 'status');
  document.body.append(region);
  return (message) => {
    region.textContent = '';
    // A new text node on the next frame, so that the same message twice is announced twice.
    requestAnimationFrame(() => (region.textContent = message));
  };
}
