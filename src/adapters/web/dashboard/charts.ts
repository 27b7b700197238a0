/**
 * Charts as data: each is drawn by Chart.js in the browser (dashboard.js reads the configuration
 * from the canvas's `data-chart` attribute, so no inline script is needed) and also written out as
 * a table, for screen readers and for anyone who wants the numbers.
 */
import { type SafeHtml, html, jsonAttribute } from '../html.js';
import { count } from '../format.js';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const COLOURS = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  grey: '#7A7A7A',
} as const;

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly number[];
  /** One colour for the whole series, or one per value (doughnuts). */
  readonly colour: string | readonly string[];
}

export interface ChartSpec {
  /** Stable id: the element id and what tests look for. */
  readonly id: string;
  readonly title: string;
  /** Heading of the label column in the numbers table ("Week", "Customer"). */
  readonly labelHeading: string;
  readonly type: 'bar' | 'doughnut';
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Bars drawn sideways (long labels such as customer names). */
  readonly horizontal?: boolean;
  /** Shown instead of the chart when every value is zero. */
  readonly empty: string;
}

/** The Chart.js configuration; plain JSON, so it travels in an attribute. */
export function chartConfig(spec: ChartSpec): Record<string, unknown> {
  const bar = spec.type === 'bar';
  return {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series) => ({
        label: series.label,
        data: series.values,
        backgroundColor: series.colour,
        borderWidth: bar ? 0 : 1,
      })),
    },
    options: {
      // Figures are read, not watched: no animation, and screenshots show the final picture.
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      ...(bar && spec.horizontal ? { indexAxis: 'y' } : {}),
      ...(bar ? { scales: { [spec.horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } } } : {}),
      plugins: { legend: { display: spec.series.length > 1 || spec.type === 'doughnut', position: 'bottom' } },
    },
  };
}

/** One sentence for screen readers: the chart's title and every value. */
function summary(spec: ChartSpec): string {
  const parts = spec.series.map(
    (series) =>
      `${spec.series.length > 1 ? `${series.label}: ` : ''}${spec.labels.map((label, index) => `${label} ${count(series.values[index] ?? 0)}`).join(', ')}`,
  );
  return `${spec.title}. ${parts.join('; ')}.`;
}

export function chartFigure(spec: ChartSpec): SafeHtml {
  const total = spec.series.reduce((sum, series) => sum + series.values.reduce((a, b) => a + b, 0), 0);
  const heading = `${spec.id}-title`;
  return html`<figure class="chart" id="${spec.id}" aria-labelledby="${heading}">
<figcaption id="${heading}">${spec.title}</figcaption>
${
  total === 0
    ? html`<p class="chart-empty">${spec.empty}</p>`
    : html`<div class="chart-box${spec.horizontal ? ' chart-box-tall' : ''}"><canvas role="img" aria-label="${summary(spec)}" data-chart="${jsonAttribute(chartConfig(spec))}"></canvas></div>`
}
<details class="chart-data"><summary>The numbers</summary>
<table>
<thead><tr><th scope="col">${spec.labelHeading}</th>${spec.series.map((series) => html`<th scope="col">${series.label}</th>`)}</tr></thead>
<tbody>${spec.labels.map((label, index) => html`<tr><th scope="row">${label}</th>${spec.series.map((series) => html`<td>${count(series.values[index] ?? 0)}</td>`)}</tr>`)}</tbody>
</table>
</details>
</figure>`;
}
