/**
 * Copying text, with the confirmation a reader sees and hears. The Clipboard
 * API needs a secure context (https or localhost) and the reader's leave;
 * where it is refused, the caller selects the text for the reader to copy.
 */

/** Puts `text` on the clipboard; false if the browser refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects the text of an element, so that the reader can copy it by hand. */
export function selectText(el: Element): void {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** How long a copy button says 已复制 before it says 复制 again. */
const CONFIRM_MS = 2500;

/**
 * Makes every `.copy-button` on the page work and shows it: a click copies
 * the `.cite-text` beside it (see copyCitation). Buttons added later (from a
 * <template>) work too; the caller un-hides those.
 */
export function enableCopyButtons(announce: (message: string) => void): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.copy-button[hidden]')) button.hidden = false;
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('.copy-button');
    if (button) void copyCitation(button, announce);
  });
}

/**
 * Copies the `.cite-text` beside a copy button: the button says 已复制 for a
 * moment and the page's live region says what was copied; where the browser
 * refuses, the text is selected for the reader to copy.
 */
export async function copyCitation(button: HTMLButtonElement, announce: (message: string) => void): Promise<void> {
  const text = button.closest('.cite-item')?.querySelector('.cite-text');
  if (!text) return;
  const what = button.querySelector('.sr-only')?.textContent ?? '引文';
  if (await copyText(text.textContent ?? '')) {
    confirm(button);
    announce(`已复制${what}`);
  } else {
    selectText(text);
    announce('浏览器不允许自动复制，已选中文字，请按 Ctrl+C（Mac 上按 ⌘C）复制。');
  }
}

function confirm(button: HTMLButtonElement): void {
  const label = button.firstChild;
  if (!(label instanceof Text)) return;
  label.data = '已复制';
  button.classList.add('is-done');
  window.setTimeout(() => {
    label.data = '复制';
    button.classList.remove('is-done');
  }, CONFIRM_MS);
}
