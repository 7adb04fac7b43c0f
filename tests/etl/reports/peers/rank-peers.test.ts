/**
 * Ranks among the configured cities, hand-computed: higher is better, standard competition ranking
 * (1, 2, 2, 4), a null figure is not ranked and `of` counts only ranked cities.
 */
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, type IndicatorId } from '../../../../etl/reports/indicators.ts';
import type { HeadlineFigure, PeerHeadlines } from '../../../../etl/reports/peers/peer-headlines.ts';
import { rankPeers } from '../../../../etl/reports/peers/rank-peers.ts';

/** Every indicator at `value`, the pledge amount at `pledge`. */
function city(code: string, pledge: HeadlineFigure, value: HeadlineFigure = { value: 1 }): PeerHeadlines {
  const figures = Object.fromEntries(INDICATOR_IDS.map((id) => [id, id === 'pledge_amount_cny' ? pledge : value])) as Record<IndicatorId, HeadlineFigure>;
  return { city: code, figures };
}

describe('rankPeers', () => {
  it('ranks ties with the same rank and skips the ranks they take (1, 2, 2, 4)', () => {
    const ranks = rankPeers({
      period: '2025-06',
      peers: [city('440300', { value: 20.5 }), city('310000', { value: 300000000.01 }), city('320500', { value: 10 }), city('330100', { value: 20.5 })],
    });
    const pledge = (code: string) => ranks.get(code)!.by_indicator.pledge_amount_cny;
    expect(pledge('310000')).toEqual({ rank: 1, of: 4, value_field: 'ytd' });
    expect(pledge('330100')).toEqual({ rank: 2, of: 4, value_field: 'ytd' });
    expect(pledge('440300')).toEqual({ rank: 2, of: 4, value_field: 'ytd' });
    expect(pledge('320500')).toEqual({ rank: 4, of: 4, value_field: 'ytd' });
    // Every other indicator: all four equal, all first.
    expect(ranks.get('320500')!.by_indicator.operation_centre_count).toEqual({ rank: 1, of: 4, value_field: 'cumulative' });
    expect(ranks.get('320500')!.by_indicator.patent_intensive_value_added_cny).toEqual({ rank: 1, of: 4, value_field: 'annual.2024' });
    expect(ranks.get('440300')!.cities).toEqual(['310000', '320500', '330100', '440300']);
  });

  it('does not rank a city whose figure is null, gives its reason, and counts only ranked cities in `of`', () => {
    const ranks = rankPeers({
      period: '2025-12',
      peers: [city('440300', { value: 0 }), city('310000', { value: null, null_reason: 'not_yet_reported' }), city('320500', { value: -5 })],
      missing: ['330100'],
    });
    expect(ranks.get('310000')!.by_indicator.pledge_amount_cny).toEqual({ rank: null, of: 2, value_field: 'ytd', null_reason: 'not_yet_reported' });
    // A true 0 is a figure, ranked above a negative one.
    expect(ranks.get('440300')!.by_indicator.pledge_amount_cny).toEqual({ rank: 1, of: 2, value_field: 'ytd' });
    expect(ranks.get('320500')!.by_indicator.pledge_amount_cny).toEqual({ rank: 2, of: 2, value_field: 'ytd' });
    // December: the report month's own year is complete.
    expect(ranks.get('320500')!.by_indicator.patent_intensive_value_added_cny.value_field).toBe('annual.2025');
    expect(ranks.get('320500')!.missing).toEqual(['330100']);
    expect(ranks.has('330100')).toBe(false);
  });

  it('ranks one city first of one, and none when nobody has a figure', () => {
    const alone = rankPeers({ period: '2025-06', peers: [city('440300', { value: 7 })] }).get('440300')!;
    expect(alone.by_indicator.pledge_amount_cny).toEqual({ rank: 1, of: 1, value_field: 'ytd' });
    const nobody = rankPeers({ period: '2025-06', peers: [city('440300', { value: null, null_reason: 'no_data' }), city('310000', { value: null, null_reason: 'not_covered' })] });
    expect(nobody.get('440300')!.by_indicator.pledge_amount_cny).toEqual({ rank: null, of: 0, value_field: 'ytd', null_reason: 'no_data' });
    expect(nobody.get('310000')!.by_indicator.pledge_amount_cny).toEqual({ rank: null, of: 0, value_field: 'ytd', null_reason: 'not_covered' });
  });

  it('refuses a city listed twice, or both ranked and missing', () => {
    expect(() => rankPeers({ period: '2025-06', peers: [city('440300', { value: 1 }), city('440300', { value: 2 })] })).toThrow('city 440300 is listed twice among the cities ranked for 2025-06');
    expect(() => rankPeers({ period: '2025-06', peers: [city('440300', { value: 1 })], missing: ['440300'] })).toThrow('city 440300 is both ranked and missing for 2025-06');
  });
});
