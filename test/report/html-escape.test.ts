import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/html-escape.js';

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or close an attribute', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });
  it('leaves other text, including non-ASCII, alone', () => {
    expect(escapeHtml('Lockington cum Hemington — 78.0% ± 1.5')).toBe('Lockington cum Hemington — 78.0% ± 1.5');
  });
  it('escapes an already-escaped entity again, so it shows as typed', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
