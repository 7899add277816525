import { describe, expect, it } from 'vitest';
import { readState, writeState } from '../../../src/client/search/state.ts';

describe('the search page’s address', () => {
  it('reads the query and the filters that are set', () => {
    expect(readState('?q=%E5%9F%8E%E5%B8%82%E7%BE%A4&doc=paper&author=&theme=quyu-xietiao&other=1')).toEqual({
      q: '城市群',
      filters: { doc: 'paper', theme: 'quyu-xietiao' },
    });
  });

  it('reads an empty address as no search', () => {
    expect(readState('')).toEqual({ q: '', filters: {} });
  });

  it('writes the query first, then the filters in a fixed order, so equal searches have equal addresses', () => {
    const address = writeState({ q: '存量 土地财政', filters: { theme: 'tudi-caizheng', author: '王凯', doc: 'forum' } });
    expect(address).toBe('?q=%E5%AD%98%E9%87%8F+%E5%9C%9F%E5%9C%B0%E8%B4%A2%E6%94%BF&doc=forum&author=%E7%8E%8B%E5%87%AF&theme=tudi-caizheng');
    expect(readState(address)).toEqual({ q: '存量 土地财政', filters: { doc: 'forum', author: '王凯', theme: 'tudi-caizheng' } });
  });

  it('writes nothing for no search', () => {
    expect(writeState({ q: '', filters: {} })).toBe('');
  });
});
