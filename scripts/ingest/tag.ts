/**
 * Tags every paragraph with the themes whose terms it contains, using jieba's
 * cut with a user dictionary of the theme terms so that each term is one
 * token. Tagging is checked against a plain substring scan: a term jieba cuts
 * apart in some sentence would otherwise be missed silently.
 */
import { docKey, passageId } from '../../src/lib/registry.ts';
import type { Passage, Theme, ThemeCount } from '../../src/lib/schema.ts';
import { IngestError } from './errors.ts';
import type { Block, Doc, DocMeta, TaggedDoc } from './model.ts';
import { plainText } from './paragraphs.ts';
import type { Segmenter } from '../../src/lib/segmenter.ts';

export interface Match {
  term: string;
  at: number;
}

/** Where each token of text starts. jieba's cut covers the text exactly, in order. */
function tokensWithOffsets(text: string, segmenter: Segmenter): Match[] {
  let at = 0;
  return segmenter.cut(text).map((token) => {
    const match = { term: token, at };
    at += token.length;
    return match;
  });
}

/** Themes of one paragraph, each with the theme terms that matched as whole tokens. */
export function tagText(text: string, themes: Theme[], segmenter: Segmenter): { id: string; matches: Match[] }[] {
  const tokens = tokensWithOffsets(text, segmenter);
  return themes
    .map((theme) => ({ id: theme.id, matches: tokens.filter((t) => theme.terms.includes(t.term)) }))
    .filter((tag) => tag.matches.length > 0);
}

/** Theme ids whose terms occur in text as plain substrings. */
export function themesBySubstring(text: string, themes: Theme[]): string[] {
  return themes.filter((theme) => theme.terms.some((term) => text.includes(term))).map((t) => t.id);
}

/** Function words and words every text of this kind uses, which say nothing of what a text is about. */
const STOP_WORDS = new Set(['我们', '他们', '以及', '通过', '进行', '一个', '一种', '这些', '这种', '其中', '同时', '需要', '能够', '已经', '可以', '方面', '具有', '成为', '之间', '不同', '更加', '作为', '实现', '形成', '提出', '提供', '推动', '主要', '相关', '不断', '重要', '一方面', '另一方面', '首先', '其次', '最后', '因此', '不仅', '而且', '对于', '基于', '如何', '什么', '这一', '此外', '一是', '二是', '三是', '人们', '问题', '方式', '过程', '内容', '工作', '情况', '作用', '特点', '定义', '大体', '尝试', '议题', '符合规律', '改变传统', '创造财富', '侧重于', '本质性', '有序', '内涵', '法则']);

/**
 * Roles and titles: who speaks and in what office (the editor's note names
 * the experts by theirs), not what a text is about.
 */
const ROLES = new Set(['教授', '副教授', '院长', '副院长', '所长', '主任', '理事', '常务理事', '会长', '副会长', '主编', '编辑', '编辑部', '本刊', '专家', '学者', '专家学者', '院士', '博士', '博士生导师', '导师', '研究员', '董事长', '总经理', '书记', '委员', '作者', '笔者', '记者', '规划师', '规划者', '官员', '主政']);

/**
 * A keyword candidate: a noun or verbal noun of two or more Chinese
 * characters, not a person's name, without a particle in it (人的需求 is a
 * phrase), not a stop word, role or title.
 */
export function isKeyword({ word, tag }: { word: string; tag: string }): boolean {
  return /^(n|vn)/.test(tag) && tag !== 'nr' && /^\p{Script=Han}{2,}$/u.test(word) && !word.includes('的') && !STOP_WORDS.has(word) && !ROLES.has(word);
}

/** How many of jieba's keywords of a document to weigh: enough for the top ones to survive the filters. */
const CANDIDATES = 60;

export interface KeywordSource {
  /** The document's text. */
  text: string;
  /** Its keyword candidates (isKeyword), in reading order. */
  words: string[];
}

/**
 * Top keywords of each document: jieba's TF-IDF keywords of its text (IDF
 * from jieba's general corpus, so that words of any text score little and
 * the terms of the field much), kept if they are keyword candidates of the
 * document and not part of a person's name (王富海's 富海), and weighed down
 * by how many documents of this corpus use them (log of documents over
 * documents with the word), so that each document's list says what sets it
 * apart. Ties go to the earlier word in code-point order: deterministic.
 */
export function topKeywords(docs: KeywordSource[], segmenter: Segmenter, top: number, people: readonly string[]): string[][] {
  const df = new Map<string, number>();
  for (const { words } of docs) for (const word of new Set(words)) df.set(word, (df.get(word) ?? 0) + 1);
  const inName = (word: string) => people.some((name) => name.includes(word));
  return docs.map(({ text, words }) => {
    const candidates = new Set(words);
    return segmenter
      .extract(text, CANDIDATES)
      .filter(({ word }) => candidates.has(word) && !inName(word))
      .map(({ word, weight }) => ({ word, score: weight * Math.log((docs.length + 1) / df.get(word)!) }))
      .sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : 1))
      .slice(0, top)
      .map((k) => k.word);
  });
}

type Paragraph = Extract<Block, { kind: 'paragraph' }>;

export interface TaggedParagraphs extends KeywordSource {
  passages: Passage[];
  themes: ThemeCount[];
}

function missedTermError(file: string, paragraph: Paragraph, text: string, theme: Theme, segmenter: Segmenter): IngestError {
  const term = theme.terms.find((t) => text.includes(t))!;
  const around = text.slice(Math.max(0, text.indexOf(term) - 6), text.indexOf(term) + term.length + 6);
  return new IngestError(file, paragraph.from, `theme term ${term} (${theme.id}) occurs here but jieba cuts it apart (${segmenter.cut(around).join('|')}); change the term in content/themes.yaml`);
}

/** Tags each body paragraph (#p1, #p2 …) of one document. */
export function tagParagraphs(file: string, doc: Doc, themes: Theme[], segmenter: Segmenter): TaggedParagraphs {
  const paragraphs = doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
  const counts = new Map<string, number>();
  const words: string[] = [];
  const passages = paragraphs.map((paragraph, i): Passage => {
    const text = plainText(paragraph.parts);
    const tags = tagText(text, themes, segmenter);
    const missed = themesBySubstring(text, themes).find((id) => !tags.some((t) => t.id === id));
    if (missed) throw missedTermError(file, paragraph, text, themes.find((t) => t.id === missed)!, segmenter);
    for (const tag of tags) counts.set(tag.id, (counts.get(tag.id) ?? 0) + 1);
    const keywords = segmenter.tag(text).filter(isKeyword).map((t) => t.word);
    words.push(...keywords);
    const key = docKey(doc.meta);
    return { id: passageId(key, i + 1), doc: key, p: i + 1, from: paragraph.from, to: paragraph.to, text, themes: tags, words: [...new Set(keywords)] };
  });
  const order = (id: string) => themes.findIndex((t) => t.id === id);
  const themeCounts = [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || order(a.id) - order(b.id));
  return { passages, themes: themeCounts, text: passages.map((p) => p.text).join('\n'), words };
}

/** Adds themes and keywords to a document's metadata. */
export function withTags(doc: Doc, themes: ThemeCount[], keywords: string[]): TaggedDoc {
  return { ...doc, meta: { ...doc.meta, themes, topKeywords: keywords } as DocMeta };
}

/** Fails on a theme term that matches no paragraph anywhere. */
export function checkEveryTermMatches(themesFile: string, themes: { theme: Theme; line: number; termLines: Map<string, number> }[], passages: Passage[]): void {
  const matched = new Set(passages.flatMap((p) => p.themes.flatMap((t) => t.matches.map((m) => `${t.id} ${m.term}`))));
  for (const { theme, line, termLines } of themes) {
    for (const term of theme.terms) {
      if (!matched.has(`${theme.id} ${term}`)) {
        throw new IngestError(themesFile, termLines.get(term) ?? line, `term ${term} of theme ${theme.id} matches no paragraph; expected every term to occur in the corpus`);
      }
    }
  }
}
