/**
 * Extension `peer_ranks` of report.json: the city's rank among the configured cities of the month
 * for each indicator (docs/indicators.md "Rank among the configured cities"). A rank is null, with
 * the null reason of the figure it would rank, when the city's figure is null; `of` counts only
 * the cities that are ranked.
 */
import { z } from 'zod';
import { INDICATOR_IDS, type IndicatorId } from '../indicators.ts';
import { NullReasonSchema } from '../null-reasons.ts';

const CityCodeSchema = z.string().regex(/^\d{6}$/, { error: 'expected a 6-digit city code' });

/** The figure a rank compares: `ytd`, `cumulative` or one year of `annual` (`annual.2024`). */
export const RankValueFieldSchema = z.string().regex(/^(ytd|cumulative|annual\.\d{4})$/, { error: 'expected ytd, cumulative or annual.YYYY' });

export const PeerRankSchema = z
  .strictObject({
    rank: z.number().int().min(1).nullable(),
    of: z.number().int().min(0),
    value_field: RankValueFieldSchema,
    /** Why rank is null: the null reason of the city's figure. */
    null_reason: NullReasonSchema.optional(),
  })
  .superRefine((rank, context) => {
    if ((rank.rank === null) !== (rank.null_reason !== undefined)) {
      context.addIssue({ code: 'custom', path: ['null_reason'], message: rank.rank === null ? 'a null rank needs a null_reason' : 'only a null rank has a null_reason' });
    }
    if (rank.rank !== null && rank.rank > rank.of) context.addIssue({ code: 'custom', path: ['rank'], message: `rank ${rank.rank} is beyond of ${rank.of}` });
  })
  .meta({ id: 'peer_rank', description: 'The rank of the city (1 = the highest figure; ties share a rank) among the `of` cities ranked, by value_field; null, with the null_reason of the figure, when the city has none.' });
export type PeerRank = z.infer<typeof PeerRankSchema>;

export const PeerRanksSchema = z.strictObject({
  /** The configured cities compared: those with a report for the month, sorted by code (this city included). */
  cities: z.array(CityCodeSchema).min(1),
  /** Configured cities with no report for the month (not compared), sorted by code. */
  missing: z.array(CityCodeSchema),
  by_indicator: z.strictObject(Object.fromEntries(INDICATOR_IDS.map((id) => [id, PeerRankSchema])) as Record<IndicatorId, typeof PeerRankSchema>),
});
export type PeerRanks = z.infer<typeof PeerRanksSchema>;
