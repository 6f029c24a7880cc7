import { describe, expect, it } from 'vitest';
import {
  applyWaveOrder,
  labelMonth,
  labelYear,
  orderWaves,
  splitWaveOrder,
  type WaveOrder,
} from '../../src/aggregate/wave-order.js';

const order = (r: WaveOrder) => ('order' in r ? r.order : `refused: ${r.refusal}`);
const refusal = (r: WaveOrder) => ('refusal' in r ? r.refusal : `ordered: ${r.order.join(',')}`);

describe('labelYear and labelMonth', () => {
  it('take the first four-digit 19xx/20xx year', () => {
    expect(labelYear('Summer 2006')).toBe(2006);
    expect(labelYear('2008/09')).toBe(2008);
    expect(labelYear('2008-2009')).toBe(2008);
    expect(labelYear('1999')).toBe(1999);
    expect(labelYear('12006')).toBeNull(); // part of a longer number
    expect(labelYear('2100')).toBeNull(); // not 19xx or 20xx
    expect(labelYear('06')).toBeNull();
  });

  it('read full, three-letter and Sept month names in any case, as whole words', () => {
    expect(labelMonth('February 2009')).toBe(2);
    expect(labelMonth('feb 2009')).toBe(2);
    expect(labelMonth('SEPT 2009')).toBe(9);
    expect(labelMonth('Sep 2009')).toBe(9);
    expect(labelMonth('September 2009')).toBe(9);
    expect(labelMonth('Dec2009')).toBe(12);
    expect(labelMonth('Summer 2009')).toBeNull();
    expect(labelMonth('Mayfield 2009')).toBeNull(); // "May" inside a word is not a month
  });
});

describe('orderWaves', () => {
  it('orders the examples of the rule', () => {
    expect(order(orderWaves(['Summer 2006', 'February 2009']))).toEqual(['Summer 2006', 'February 2009']);
    expect(order(orderWaves(['Feb 2009', 'Sept 2009']))).toEqual(['Feb 2009', 'Sept 2009']);
    expect(order(orderWaves(['Sept 2009', 'Feb 2009']))).toEqual(['Feb 2009', 'Sept 2009']);
    expect(order(orderWaves(['2008/09', '2006/07']))).toEqual(['2006/07', '2008/09']);
    expect(order(orderWaves(['Wave 10', 'Wave 2']))).toEqual(['Wave 2', 'Wave 10']);
    expect(order(orderWaves(['2009', '2006']))).toEqual(['2006', '2009']);
  });

  it('orders plain numbers numerically, so 06 (six) comes before 2006', () => {
    expect(order(orderWaves(['2006', '06']))).toEqual(['06', '2006']);
    expect(order(orderWaves(['10', '2', '1']))).toEqual(['1', '2', '10']);
  });

  it('orders two-year labels by the first year, in any of the written forms', () => {
    expect(order(orderWaves(['2008-2009', '2006-2007']))).toEqual(['2006-2007', '2008-2009']);
    expect(order(orderWaves(['2008-09', '2006/07']))).toEqual(['2006/07', '2008-09']);
  });

  it('uses months only between labels of the same year', () => {
    // December 2006 is before February 2009 by year; the months are not compared across years
    expect(order(orderWaves(['Feb 2009', 'December 2006']))).toEqual(['December 2006', 'Feb 2009']);
    const three = orderWaves(['Nov 2009', 'Summer 2006', 'March 2009']);
    expect(order(three)).toEqual(['Summer 2006', 'March 2009', 'Nov 2009']);
  });

  it('refuses when two labels share a year and a month does not tell them apart', () => {
    const r = refusal(orderWaves(['February 2009', 'Summer 2009']));
    expect(r).toContain('`February 2009`, `Summer 2009`');
    expect(r).toContain('--wave-order "February 2009,Summer 2009"');
    expect(r).toContain('--from');
    expect(refusal(orderWaves(['2009', 'March 2009']))).toContain('--wave-order');
    expect(refusal(orderWaves(['Feb 2009', 'February 2009']))).toContain('--wave-order'); // same month
  });

  it('says that two labels of one year with no month between them may be one wave written twice', () => {
    const hint = '. If `2006`, `Summer 2006` are one wave written two ways, make the labels the same in the data';
    expect(refusal(orderWaves(['2006', 'Summer 2006', '2009']))).toContain(hint);
    expect(refusal(orderWaves(['Feb 2009', 'February 2009']))).toContain('If `Feb 2009`, `February 2009` are one wave');
    // months that differ order the labels; text with no year gets no such hint
    expect(refusal(orderWaves(['Spring', 'Autumn']))).not.toContain('one wave written');
  });

  it('never orders text alphabetically', () => {
    const r = refusal(orderWaves(['b', 'a']));
    expect(r).toContain('`b`, `a`');
    expect(r).toContain('--wave-order "b,a"');
    expect(refusal(orderWaves(['Spring', 'Autumn']))).toContain('--wave-order');
  });

  it('refuses mixed schemes that cannot be compared', () => {
    expect(refusal(orderWaves(['Wave 2', 'Summer 2006']))).toContain('--wave-order');
    expect(refusal(orderWaves(['06', 'February 2009']))).toContain('--wave-order');
    expect(refusal(orderWaves(['Wave 1', 'Round 2']))).toContain('--wave-order'); // the text differs too
    expect(refusal(orderWaves(['Wave 1a', 'Wave 2b']))).toContain('--wave-order');
  });

  it('refuses labels that differ in two integers, or in equal integers written differently', () => {
    expect(refusal(orderWaves(['Wave 1 part 2', 'Wave 2 part 1']))).toContain('--wave-order');
    expect(refusal(orderWaves(['Wave 02', 'Wave 2']))).toContain('--wave-order');
    expect(refusal(orderWaves(['06', '6']))).toContain('--wave-order');
  });

  it('falls back to the differing integer when the labels share a year', () => {
    expect(order(orderWaves(['Wave 2 (2009)', 'Wave 1 (2009)']))).toEqual(['Wave 1 (2009)', 'Wave 2 (2009)']);
  });

  it('treats a single label as ordered and collapses duplicate labels', () => {
    expect(orderWaves(['Pilot'])).toEqual({ order: ['Pilot'], basis: 'a single wave' });
    expect(order(orderWaves(['2009', '2006', '2009']))).toEqual(['2006', '2009']);
  });

  it('says the basis of the order', () => {
    const r = orderWaves(['Feb 2009', 'Sept 2009', '2006']);
    expect(r).toEqual({ order: ['2006', 'Feb 2009', 'Sept 2009'], basis: 'by year, then month' });
  });
});

describe('applyWaveOrder', () => {
  it('takes an order that names every present wave once', () => {
    expect(applyWaveOrder(['Summer 2009', 'February 2009'], ['February 2009', 'Summer 2009'])).toEqual({
      order: ['February 2009', 'Summer 2009'],
      basis: 'as given with --wave-order',
    });
  });

  it('refuses an unknown label, listing the waves present', () => {
    const r = refusal(applyWaveOrder(['2006', '2009'], ['2006', '2009', '2012']));
    expect(r).toContain('`2012` is not a wave in the data');
    expect(r).toContain('Waves present: `2006`, `2009`');
  });

  it('refuses a missing wave', () => {
    const r = refusal(applyWaveOrder(['2006', '2009', '2012'], ['2006', '2012']));
    expect(r).toContain('`2009` missing from it');
    expect(r).toContain('Waves present: `2006`, `2009`, `2012`');
  });

  it('refuses a duplicate even when every wave is named', () => {
    const r = refusal(applyWaveOrder(['2006', '2009'], ['2006', '2009', '2006']));
    expect(r).toContain('`2006` named more than once');
  });

  it('matches labels exactly (a case difference is an unknown label and a missing one)', () => {
    const r = refusal(applyWaveOrder(['Wave A', 'Wave B'], ['wave a', 'Wave B']));
    expect(r).toContain('`wave a` is not a wave');
    expect(r).toContain('`Wave A` missing');
  });
});

describe('splitWaveOrder', () => {
  it('splits at commas and trims each label', () => {
    expect(splitWaveOrder('February 2009, Summer 2009')).toEqual(['February 2009', 'Summer 2009']);
    expect(splitWaveOrder('2006,,2009')).toEqual(['2006', '', '2009']); // the empty label is then refused
  });
});
