import type { ProgrammeStats } from '@mentorkit/contract';
import { msg, str } from '@lit/localize';
import { html, svg, type TemplateResult } from 'lit';
import { formatNumber as n } from '../../internal/localization-intl.js';
import { weekLabel } from './admin-format.js';

type Week = ProgrammeStats['weekly'][number];

/* Drawing space of the SVG (it scales to the element's width through its viewBox). */
const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 36 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** A round axis maximum with about four gridlines, in whole steps of 1, 2 or 5 times a power of ten. */
export function axisScale(max: number): { top: number; step: number } {
  const rough = Math.max(1, max / 4);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return { top: Math.max(step, Math.ceil(max / step) * step), step };
}

/** The chart in one sentence: what a screen reader hears for the picture. */
export function chartSummary(weeks: readonly Week[]): string {
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last) return msg('No weekly numbers yet.');
  const from = weekLabel(first.week, 'long');
  const to = weekLabel(last.week, 'long');
  const span = msg(str`the ${n(weeks.length)} weeks from ${from} to ${to}`);
  const requests = weeks.reduce((s, w) => s + w.requests, 0);
  if (requests === 0) return msg(str`Bar chart of requests and acceptances per week: no requests in ${span}.`);
  const accepted = weeks.reduce((s, w) => s + w.accepted, 0);
  const busiest = weeks.reduce((best, w) => (w.requests > best.requests ? w : best), first);
  const busiestWeek = weekLabel(busiest.week, 'long');
  const requestCount = (count: number) => (count === 1 ? msg('1 request') : msg(str`${n(count)} requests`));
  return msg(
    str`Bar chart of requests and acceptances per week over ${span}: ${requestCount(requests)}, ${n(accepted)} accepted. Busiest week: ${busiestWeek}, with ${requestCount(busiest.requests)}.`,
  );
}

/**
 * Requests and acceptances per week as grouped bars, drawn by hand. The picture is one image to
 * assistive technology (`role="img"` with the summary as its name); the exact numbers are in the
 * table beside it, visually hidden, so nothing is only in the drawing.
 */
export function weeklyChart(weeks: readonly Week[]): TemplateResult {
  const { top, step } = axisScale(Math.max(0, ...weeks.map((w) => w.requests), ...weeks.map((w) => w.accepted)));
  const slot = PLOT_W / Math.max(1, weeks.length);
  const barW = slot * 0.34;
  const y = (value: number) => PAD.top + PLOT_H - (value / top) * PLOT_H;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const bar = (value: number, x: number, series: 'requests' | 'accepted', week: string) =>
    svg`<rect class="bar bar--${series}" x=${x.toFixed(1)} y=${y(value).toFixed(1)} width=${barW.toFixed(1)}
      height=${(PAD.top + PLOT_H - y(value)).toFixed(1)} data-week=${week} data-value=${value}></rect>`;
  return html`
    <figure part="chart" class="chart">
      <figcaption class="chart-caption">
        <span class="chart-title">${msg('Requests and acceptances per week')}</span>
        <span class="legend" aria-hidden="true">
          <span class="legend-item"><span class="swatch swatch--requests"></span>${msg('Requests')}</span>
          <span class="legend-item"><span class="swatch swatch--accepted"></span>${msg('Accepted')}</span>
        </span>
      </figcaption>
      <svg class="chart-svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${chartSummary(weeks)} preserveAspectRatio="xMidYMid meet">
        ${ticks.map(
          (t) => svg`<line class="grid" x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${y(t)} y2=${y(t)}></line>
            <text class="tick" x=${PAD.left - 6} y=${y(t)} text-anchor="end" dominant-baseline="middle">${n(t)}</text>`,
        )}
        ${weeks.map((w, i) => {
          const x = PAD.left + i * slot + (slot - barW * 2 - 2) / 2;
          // Every other week label folds away in narrow containers (see styles), so labels never collide.
          return svg`${bar(w.requests, x, 'requests', w.week)}${bar(w.accepted, x + barW + 2, 'accepted', w.week)}
            <text class="tick tick--week ${i % 2 ? 'tick--minor' : ''}" x=${PAD.left + i * slot + slot / 2} y=${HEIGHT - 8} text-anchor="middle">${weekLabel(w.week)}</text>`;
        })}
      </svg>
      <table class="visually-hidden" part="chart-data">
        <caption>${msg('Requests and acceptances per week')}</caption>
        <thead><tr><th scope="col">${msg('Week starting')}</th><th scope="col">${msg('Requests')}</th><th scope="col">${msg('Accepted')}</th></tr></thead>
        <tbody>
          ${weeks.map((w) => html`<tr><th scope="row">${weekLabel(w.week, 'long')}</th><td>${n(w.requests)}</td><td>${n(w.accepted)}</td></tr>`)}
        </tbody>
      </table>
    </figure>
  `;
}
