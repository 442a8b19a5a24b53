import { describe, expect, it } from 'vitest';
import { ageOn, formatHongKong, hongKongDate, parseInstant, parsePlainDate, spanYears } from './time.ts';

describe('calendar arithmetic', () => {
  it('turns a year older on the birthday itself, not the day before', () => {
    expect(ageOn('1974-11-01', parsePlainDate('2024-10-31'))).toBe(49);
    expect(ageOn('1974-11-01', parsePlainDate('2024-11-01'))).toBe(50);
  });

  it('ages a person born on 29 February on 1 March in common years', () => {
    expect(ageOn('2000-02-29', parsePlainDate('2018-02-28'))).toBe(17);
    expect(ageOn('2000-02-29', parsePlainDate('2018-03-01'))).toBe(18);
    expect(ageOn('2000-02-29', parsePlainDate('2020-02-29'))).toBe(20);
  });

  it('counts whole years between anniversaries exactly, whatever the leap days', () => {
    const start = parsePlainDate('2019-01-01').epochDay;
    expect(spanYears(start, parsePlainDate('2024-01-01').epochDay)).toBe(5);
    expect(spanYears(start, parsePlainDate('2023-12-31').epochDay)).toBeLessThan(5);
    expect(spanYears(start, parsePlainDate('2019-07-02').epochDay)).toBeCloseTo(182 / 365, 6);
    // One day short of five years, with 29 February 2020 in the last partial year.
    const june = parsePlainDate('2015-06-02').epochDay;
    expect(spanYears(june, parsePlainDate('2020-06-01').epochDay)).toBeLessThan(5);
    expect(spanYears(june, parsePlainDate('2020-06-02').epochDay)).toBe(5);
  });

  it('reads the Hong Kong calendar day of an instant given in any offset', () => {
    const utc = parseInstant('2024-10-31T16:00:00Z');
    expect(utc).toBeDefined();
    expect(hongKongDate(utc as number)).toMatchObject({ year: 2024, month: 11, day: 1 });
    expect(hongKongDate(parseInstant('2024-10-31T15:59:59Z') as number)).toMatchObject({
      month: 10,
      day: 31,
    });
    expect(formatHongKong(parseInstant('2025-02-26T03:00:00Z') as number)).toBe('2025-02-26T11:00:00+08:00');
  });

  it('refuses a moment without an offset, which would be ambiguous by hours', () => {
    expect(parseInstant('2024-11-01T00:00:00')).toBeUndefined();
    expect(parseInstant('2024-11-01')).toBeUndefined();
    expect(parseInstant('2024-13-01T00:00:00+08:00')).toBeUndefined();
    expect(parseInstant('yesterday')).toBeUndefined();
  });
});
