/** The lake holds no monthly data yet, so no report month can be chosen (the event named none). */
export class NoReportPeriodError extends Error {
  constructor() {
    super('the lake holds no monthly data yet, so there is no report month: ingest sources and refresh the views first, or give "period"');
    this.name = 'NoReportPeriodError';
  }
}
