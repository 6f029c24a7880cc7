import { describe, expect, it } from 'vitest';
import { mdText } from '../../src/report/md-escape.js';

describe('mdText', () => {
  it('stops a tag from opening, but keeps "p < 0.001" readable', () => {
    expect(mdText('<script>alert(1)</script>')).toBe('&lt;script>alert(1)&lt;/script>');
    expect(mdText('adjusted p < 0.001')).toBe('adjusted p < 0.001');
  });
  it('stops emphasis, links, code spans and entities', () => {
    expect(mdText('*a* [b](c) `d` &amp; &#42;')).toBe('&#42;a&#42; &#91;b&#93;(c) &#96;d&#96; &amp;amp; &amp;#42;');
  });
  it('keeps a lone ampersand and joins lines', () => {
    expect(mdText('Oadby & Wigston\nnorth')).toBe('Oadby & Wigston north');
  });
});
