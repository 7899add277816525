/** Pinyin for Chinese personal names: family name first, given name joined. */
import { pinyin } from 'pinyin-pro';

function syllables(name: string, toneType: 'symbol' | 'none'): string[] {
  return pinyin(name, { surname: 'head', type: 'array', toneType });
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** 赵燕菁 → Zhào Yànjīng (two-character family names are not in this corpus). */
export function pinyinName(name: string): string {
  const [family = '', ...given] = syllables(name, 'symbol');
  return `${capitalize(family)} ${capitalize(given.join(''))}`;
}

/** 赵燕菁 → zhao-yanjing: the address of an expert's essay. */
export function nameSlug(name: string): string {
  const [family = '', ...given] = syllables(name, 'none');
  return `${family}-${given.join('')}`.toLowerCase();
}
