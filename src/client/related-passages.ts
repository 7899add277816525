/**
 * The related passages of a paragraph, shown in its tools when the reader
 * asks (paragraph-tools.ts loads this module then, not before): the page's
 * /related/<doc>.json is fetched once, and the paragraph's list is drawn from
 * it. Every text goes in as text, never as markup.
 */
import type { RelatedPage, RelatedPassage } from '../lib/related-page';

let loading: Promise<RelatedPage> | undefined;

/** The page's related passages; a failed fetch is forgotten, so that asking again tries again. */
function load(url: string): Promise<RelatedPage> {
  if (!loading) {
    loading = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<RelatedPage>;
    });
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function item(r: RelatedPassage): HTMLLIElement {
  const li = el('li', 'related-item');
  const link = el('a', 'related-link', `${r.who} · 第${r.p}段`);
  link.href = r.href;
  const source = el('p', 'related-source');
  source.append(link, el('span', 'related-title', `《${r.title}》`));
  const text = el('p', 'related-excerpt');
  for (const run of r.excerpt) text.append(run.kind === 'term' ? el('mark', '', run.text) : run.kind === 'gap' ? el('span', 'gap', run.text) : run.text);
  const shared = [r.themes.length > 0 && `主题：${r.themes.join('、')}`, r.words.length > 0 && `词语：${r.words.join('、')}`].filter(Boolean).join('；');
  li.append(source, text, el('p', 'related-why', `共同的${shared}`));
  return li;
}

/**
 * Fills `slot` with the related passages of paragraph n, saying meanwhile
 * that they are loading, and what went wrong if they cannot be. `stillWanted`
 * says whether the reader still wants them when they arrive (they may have
 * moved on to another paragraph).
 */
export async function showRelated(slot: HTMLElement, url: string, n: number, stillWanted: () => boolean): Promise<void> {
  slot.replaceChildren(el('p', 'related-status', '正在载入相关段落……'));
  slot.setAttribute('aria-busy', 'true');
  let passages: RelatedPassage[];
  try {
    passages = (await load(url)).paragraphs[n - 1] ?? [];
  } catch (error) {
    if (!stillWanted()) return;
    const retry = el('button', 'button', '重试');
    retry.type = 'button';
    retry.addEventListener('click', () => void showRelated(slot, url, n, stillWanted).then(() => slot.querySelector<HTMLElement>('.related-link, button')?.focus()));
    const message = el('p', 'related-status', `相关段落没能载入（${(error as Error).message}）。`);
    message.append(retry);
    slot.replaceChildren(message);
    slot.removeAttribute('aria-busy');
    return;
  }
  if (!stillWanted()) return;
  slot.removeAttribute('aria-busy');
  if (passages.length === 0) {
    slot.replaceChildren(el('p', 'related-status', `其他专家和论文中，没有与第${n}段明显相关的段落。`));
    return;
  }
  const list = el('ol', 'related-list');
  list.append(...passages.map(item));
  slot.replaceChildren(el('p', 'related-heading', `与第${n}段相关的${passages.length}段（其他专家和论文）`), list);
}
