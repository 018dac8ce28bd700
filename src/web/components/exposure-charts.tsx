import { useMemo } from 'react';
import type { ExposureComparison, ExposureReport, Group } from '../../exposure/types';
import type { Outcome } from '../../domain/outcome';
import { moneyShort } from '../lib/format';
import { OUTCOME_COLOUR, OUTCOME_SHORT, OUTCOMES } from '../lib/vocab';
import { EChart, type ChartOption } from './echart';
import { i18n, t } from '../lib/i18n';

/** The exposure page's charts. Every figure drawn here is also in a table on the page. */
const RESTRICTED: Outcome[] = ['prohibited', 'license_required', 'review'];
const restricted = (g: Group): number => RESTRICTED.reduce((s, o) => s + g.outcomes[o].value, 0);

function moneyAxis(currency: string) {
  return { type: 'value' as const, axisLabel: { formatter: (v: number) => moneyShort(v, currency), hideOverlap: true }, splitNumber: 4, splitLine: { lineStyle: { color: '#e5e7eb' } } };
}

function tooltipMoney(currency: string) {
  return { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, valueFormatter: (v: unknown) => moneyShort(Number(v), currency) };
}

const label = (asOf: string | null): string => asOf ?? t('exposure.lineDates');

/** Value by outcome under each date: one stacked bar per date. */
export function OutcomeBars({ reports }: { reports: ExposureReport[] }) {
  const currency = reports[0]?.currency ?? 'USD';
  const option = useMemo<ChartOption>(
    () => ({
      legend: { bottom: 0, itemWidth: 12, itemHeight: 12 },
      tooltip: tooltipMoney(currency),
      grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
      xAxis: moneyAxis(currency),
      yAxis: { type: 'category', data: reports.map((r) => label(r.asOf)), inverse: true },
      series: OUTCOMES.map((o) => ({
        name: OUTCOME_SHORT[o],
        type: 'bar',
        stack: 'value',
        barMaxWidth: 48,
        itemStyle: { color: OUTCOME_COLOUR[o] },
        data: reports.map((r) => r.total.outcomes[o].value),
      })),
    }),
    [reports, currency, i18n.language], // eslint-disable-line react-hooks/exhaustive-deps
  );
  return <EChart option={option} height={90 + 60 * reports.length} label={t('exposure.chartOutcomes', { dates: reports.map((r) => label(r.asOf)).join(t('exposure.and')) })} />;
}

/** Where the value went: outcome under the first date → outcome under the second. */
export function TransitionSankey({ c }: { c: ExposureComparison }) {
  const currency = c.base.currency;
  const a = label(c.base.asOf);
  const b = label(c.compare.asOf);
  const option = useMemo<ChartOption>(() => {
    const used = new Set<string>();
    const links = c.transitions
      .filter((t) => t.value > 0)
      .map((t) => {
        const source = `${OUTCOME_SHORT[t.before]} · ${a}`;
        const target = `${OUTCOME_SHORT[t.after]} · ${b}`;
        used.add(source).add(target);
        return { source, target, value: t.value };
      });
    const nodes = OUTCOMES.flatMap((o) => [
      { name: `${OUTCOME_SHORT[o]} · ${a}`, itemStyle: { color: OUTCOME_COLOUR[o] } },
      { name: `${OUTCOME_SHORT[o]} · ${b}`, itemStyle: { color: OUTCOME_COLOUR[o] } },
    ]).filter((n) => used.has(n.name));
    return {
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => moneyShort(Number(v), currency) },
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 96,
          top: 8,
          bottom: 8,
          nodeWidth: 14,
          nodeGap: 10,
          layoutIterations: 0,
          data: nodes,
          links,
          lineStyle: { color: 'gradient', opacity: 0.35 },
          // Two lines (outcome, date) so the labels fit beside the nodes even on a phone.
          label: { fontSize: 11, formatter: (p: { name: string }) => p.name.replace(' · ', '\n') },
        },
      ],
    };
  }, [c, a, b, currency, i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  return <EChart option={option} height={300} label={t('exposure.chartFlows', { from: a, to: b })} />;
}

/** Restricted value (prohibited, licence, review) by month under each date. */
export function MonthLines({ reports }: { reports: ExposureReport[] }) {
  const currency = reports[0]?.currency ?? 'USD';
  const option = useMemo<ChartOption>(() => {
    const months = [...new Set(reports.flatMap((r) => r.by.month.map((g) => g.key)))].sort();
    const colours = ['#64748b', '#c4320a'];
    return {
      legend: { bottom: 0 },
      tooltip: tooltipMoney(currency),
      grid: { left: 8, right: 28, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { hideOverlap: true } },
      yAxis: moneyAxis(currency),
      series: reports.map((r, i) => {
        const by = new Map(r.by.month.map((g) => [g.key, restricted(g)]));
        return { name: t('exposure.restrictedRules', { date: label(r.asOf) }), type: 'line', smooth: false, showSymbol: false, lineStyle: { width: 2 }, itemStyle: { color: colours[i % 2] }, areaStyle: { opacity: i ? 0.12 : 0.05 }, data: months.map((m) => by.get(m) ?? 0) };
      }),
    };
  }, [reports, currency, i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  return <EChart option={option} height={300} label={t('exposure.chartMonths')} />;
}

/** The largest rows of a breakdown as horizontal bars stacked by outcome. */
export function GroupBars({ groups, currency, limit = 10, title }: { groups: Group[]; currency: string; limit?: number; title: string }) {
  const top = groups.slice(0, limit);
  const option = useMemo<ChartOption>(
    () => ({
      legend: { bottom: 0, itemWidth: 12, itemHeight: 12 },
      tooltip: tooltipMoney(currency),
      grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
      xAxis: moneyAxis(currency),
      yAxis: { type: 'category', inverse: true, data: top.map((g) => g.key), axisLabel: { width: 150, overflow: 'truncate' } },
      series: OUTCOMES.map((o) => ({ name: OUTCOME_SHORT[o], type: 'bar', stack: 'v', itemStyle: { color: OUTCOME_COLOUR[o] }, data: top.map((g) => g.outcomes[o].value) })),
    }),
    [top, currency, i18n.language], // eslint-disable-line react-hooks/exhaustive-deps
  );
  return <EChart option={option} height={80 + 28 * top.length} label={title} />;
}

/** Value newly restricted and released, by a breakdown key (destination, item …). */
export function ShiftBars({ shifts, currency, title, limit = 10 }: { shifts: { key: string; stricter: { value: number }; looser: { value: number } }[]; currency: string; title: string; limit?: number }) {
  const top = shifts.slice(0, limit);
  const option = useMemo<ChartOption>(
    () => ({
      legend: { bottom: 0 },
      tooltip: tooltipMoney(currency),
      grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
      xAxis: moneyAxis(currency),
      yAxis: { type: 'category', inverse: true, data: top.map((s) => s.key), axisLabel: { width: 170, overflow: 'truncate' } },
      series: [
        { name: t('exposure.seriesStricter'), type: 'bar', stack: 's', itemStyle: { color: '#c4320a' }, data: top.map((s) => s.stricter.value) },
        { name: t('exposure.seriesReleased'), type: 'bar', stack: 's', itemStyle: { color: '#4d7c57' }, data: top.map((s) => s.looser.value) },
      ],
    }),
    [top, currency, i18n.language], // eslint-disable-line react-hooks/exhaustive-deps
  );
  return <EChart option={option} height={80 + 28 * top.length} label={title} />;
}
