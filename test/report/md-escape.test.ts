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

describe('mdText: the rest of GFM inline syntax', () => {
  it('stops __bold__ and _em_, but keeps an underscore inside a name', () => {
    expect(mdText('__bold__ _em_ belong_neighbourhood')).toBe(
      '&#95;&#95;bold&#95;&#95; &#95;em&#95; belong_neighbourhood',
    );
  });
  it('stops ~~strike~~', () => {
    expect(mdText('~~strike~~')).toBe('&#126;&#126;strike&#126;&#126;');
  });
  it('stops bare URLs and e-mail addresses from becoming links', () => {
    expect(mdText('see https://evil.example/x or www.evil.example, mail a.b@evil.example')).toBe(
      'see https&#58;//evil.example/x or www&#46;evil.example, mail a.b&#64;evil.example',
    );
    expect(mdText('WWW.EVIL.EXAMPLE ftp://x')).toBe('WWW&#46;EVIL.EXAMPLE ftp&#58;//x');
  });
});
