/* Draws the dashboard's charts. Each canvas carries its Chart.js configuration in `data-chart`,
 * written by the server, so the page needs no inline script and the CSP stays strict. */
/* global Chart, document */
'use strict';

(function drawCharts() {
  const root = document.documentElement;
  if (typeof Chart === 'undefined') {
    root.dataset.charts = 'unavailable';
    return;
  }
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.color = '#1f2933';
  let drawn = 0;
  for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    try {
      new Chart(canvas, JSON.parse(canvas.dataset.chart));
      canvas.dataset.drawn = 'true';
      drawn += 1;
    } catch (error) {
      // The numbers stay readable in the table under the chart.
      canvas.dataset.drawn = 'failed';
      canvas.dataset.error = String(error && error.message);
    }
  }
  root.dataset.charts = String(drawn);
})();
