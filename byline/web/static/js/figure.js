/* The figure timeline: one point per report, coloured by outlet, shaped by
   bound, a bar over a range; hover or arrow keys show the source; click or
   Enter opens the article. Data comes from /api/figures. */
(function () {
  "use strict";
  var canvas = document.getElementById("figure-chart");
  var tooltipBox = document.getElementById("chart-tooltip");
  var helpers = window.bylineCharts;
  if (!canvas || !window.Chart || !helpers) { return; }

  var BOUND_WORDS = { exact: "", at_least: "at least", more_than: "more than", at_most: "at most", less_than: "less than", about: "about", range: "between" };
  var SHAPES = { exact: "circle", at_least: "triangle", more_than: "triangle", at_most: "triangle", less_than: "triangle", about: "rectRot", range: "line" };

  function number(v) { return v === null || v === undefined ? "?" : Number(v).toLocaleString("en-US"); }

  function amount(row) {
    var text;
    if (isRange(row)) {
      text = "between " + number(row.low) + " and " + number(row.high);
    } else {
      var words = BOUND_WORDS[row.bound] || "";
      text = (words ? words + " " : "") + number(row.value);
    }
    if (row.unit) { text += " " + row.unit; }
    return text;
  }

  /* Exact figures may carry low = high = value; only a real spread is a range. */
  function isRange(row) {
    return row.low !== null && row.high !== null && row.low !== undefined && row.high !== undefined &&
      (row.bound === "range" || Number(row.low) !== Number(row.high));
  }

  function yOf(row) {
    if (row.value !== null && row.value !== undefined) { return Number(row.value); }
    if (row.low !== null && row.high !== null) { return (Number(row.low) + Number(row.high)) / 2; }
    return null;
  }

  /* Vertical bar from low to high for ranged figures (a Chart.js plugin). */
  var rangeBars = {
    id: "bylineRangeBars",
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var y = chart.scales.y;
      chart.data.datasets.forEach(function (dataset, di) {
        if (!dataset.bylineOutlet) { return; }
        var meta = chart.getDatasetMeta(di);
        if (meta.hidden) { return; }
        dataset.data.forEach(function (point, i) {
          var row = point.row;
          if (!isRange(row)) { return; }
          var element = meta.data[i];
          var top = y.getPixelForValue(Number(row.high));
          var bottom = y.getPixelForValue(Number(row.low));
          ctx.save();
          ctx.strokeStyle = dataset.borderColor;
          ctx.lineWidth = 3;
          ctx.beginPath();
          ctx.moveTo(element.x, top); ctx.lineTo(element.x, bottom);
          ctx.moveTo(element.x - 6, top); ctx.lineTo(element.x + 6, top);
          ctx.moveTo(element.x - 6, bottom); ctx.lineTo(element.x + 6, bottom);
          ctx.stroke();
          ctx.restore();
        });
      });
    }
  };

  /* Whole UTC days around the reports, ticks every n days (about 8 ticks). */
  function dayRange(times) {
    var DAY = 86400000;
    if (!times.length) { return { min: undefined, max: undefined, step: DAY }; }
    var min = Math.floor(Math.min.apply(null, times) / DAY) * DAY;
    var max = Math.floor(Math.max.apply(null, times) / DAY) * DAY + DAY;
    return { min: min, max: max, step: DAY * Math.max(1, Math.ceil((max - min) / DAY / 8)) };
  }

  function draw(items) {
    var dated = items.filter(function (row) { return row.published && !isNaN(Date.parse(row.published)) && yOf(row) !== null; });
    var outlets = Array.from(new Set(dated.map(function (row) { return row.outlet; }))).sort();
    var datasets = outlets.map(function (outlet, k) {
      var rows = dated.filter(function (row) { return row.outlet === outlet; });
      return {
        label: outlet,
        bylineOutlet: true,
        data: rows.map(function (row) { return { x: Date.parse(row.published), y: yOf(row), row: row }; }),
        backgroundColor: helpers.colour(k),
        borderColor: helpers.colour(k),
        pointStyle: function (ctx) { return ctx.raw ? (SHAPES[ctx.raw.row.bound] || "circle") : "circle"; },
        rotation: function (ctx) { return ctx.raw && (ctx.raw.row.bound === "at_most" || ctx.raw.row.bound === "less_than") ? 180 : 0; },
        pointRadius: 7,
        pointHoverRadius: 10,
        pointBorderWidth: 2,
        showLine: false
      };
    });
    var trend = dated.slice().sort(function (a, b) { return Date.parse(a.published) - Date.parse(b.published); });
    datasets.push({
      label: "all reports, in date order",
      type: "line",
      data: trend.map(function (row) { return { x: Date.parse(row.published), y: yOf(row), row: row }; }),
      borderColor: "rgba(80,80,80,0.45)",
      borderDash: [4, 4],
      borderWidth: 1.5,
      pointRadius: 0,
      pointHoverRadius: 0,
      pointHitRadius: 0,
      fill: false
    });

    var xRange = dayRange(dated.map(function (row) { return Date.parse(row.published); }));
    var chart = new window.Chart(canvas, {
      type: "scatter",
      data: { datasets: datasets },
      plugins: [rangeBars],
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "nearest", intersect: true },
        scales: {
          x: { type: "linear", title: { display: true, text: "date of the report (UTC)" },
               min: xRange.min, max: xRange.max,
               ticks: { stepSize: xRange.step, callback: function (v) { return helpers.isoDay(v); }, maxRotation: 0, autoSkipPadding: 16 } },
          y: { beginAtZero: true, title: { display: true, text: items.length ? (items[0].counts || "value") : "value" } }
        },
        plugins: {
          legend: { position: "bottom", labels: { usePointStyle: true } },
          tooltip: {
            enabled: false,
            filter: function (item) { return !!item.dataset.bylineOutlet; },
            external: helpers.domTooltip(tooltipBox, function (point) {
              var row = point.raw.row;
              var lines = [amount(row) + (row.counts ? " " + row.counts : ""),
                           "Source: " + (row.attributed_to || "not attributed"),
                           row.headline || "(no headline)",
                           "Open the article: click, or press Enter"];
              return { title: row.outlet + " · " + helpers.isoDay(Date.parse(row.published)), lines: lines };
            })
          }
        },
        onClick: function (event, elements) {
          var hit = elements.find(function (e) { return chart.data.datasets[e.datasetIndex].bylineOutlet; });
          if (hit) { open(chart.data.datasets[hit.datasetIndex].data[hit.index].row); }
        },
        onHover: function (event, elements) {
          event.native.target.style.cursor = elements.length ? "pointer" : "default";
        }
      }
    });

    function open(row) { window.location.assign("/articles/" + encodeURIComponent(String(row.article_id))); }

    var order = [];
    datasets.forEach(function (dataset, di) {
      if (!dataset.bylineOutlet) { return; }
      dataset.data.forEach(function (point, i) { order.push({ datasetIndex: di, index: i, x: point.x }); });
    });
    order.sort(function (a, b) { return a.x - b.x; });
    order = order.map(function (p) { return { datasetIndex: p.datasetIndex, index: p.index }; });
    helpers.keyboardNavigation(chart, order, function (point) { open(chart.data.datasets[point.datasetIndex].data[point.index].row); });
    canvas.dataset.ready = "true";
  }

  fetch(canvas.dataset.api, { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) { throw new Error("the figures API answered " + response.status); }
      return response.json();
    })
    .then(function (data) { draw(data.items || []); })
    .catch(function (error) { helpers.showError(canvas.parentNode, "The chart could not be drawn: " + error.message + ". The table below lists every report."); });
})();
