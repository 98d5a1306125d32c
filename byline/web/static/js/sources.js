/* Sourcing profile per outlet: shares of named, organisation, anonymous and
   other quotes (stacked), and relayed quotes as their own bar. */
(function () {
  "use strict";
  var canvas = document.getElementById("sources-chart");
  var helpers = window.bylineCharts;
  if (!canvas || !window.Chart || !helpers) { return; }

  var KINDS = [
    ["named_share", "named people", "#0072B2"],
    ["organization_share", "organisations", "#009E73"],
    ["anonymous_share", "anonymous sources", "#555555"],
    ["other_share", "other / unattributed", "#B8860B"]
  ];

  function draw(items) {
    var profiles = items.filter(function (p) { return p.total > 0; });
    canvas.parentNode.style.height = (8 + profiles.length * 3.2) + "rem";
    var labels = profiles.map(function (p) { return p.outlet + " (" + p.total + " quotes)"; });
    var datasets = KINDS.map(function (kind) {
      return { label: kind[1], stack: "kinds", backgroundColor: kind[2],
               data: profiles.map(function (p) { return Math.round(p[kind[0]] * 1000) / 10; }) };
    });
    datasets.push({ label: "relayed via another outlet", stack: "relayed", backgroundColor: "#D55E00",
                    data: profiles.map(function (p) { return Math.round(p.relayed_share * 1000) / 10; }) });
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true, max: 100, title: { display: true, text: "% of the outlet's quotes" } }, y: { stacked: true } },
        plugins: {
          legend: { position: "bottom" },
          tooltip: { callbacks: { label: function (item) { return item.dataset.label + ": " + item.raw + "%"; } } }
        }
      }
    });
    canvas.dataset.ready = "true";
  }

  fetch(canvas.dataset.api, { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) { throw new Error("the sources API answered " + response.status); }
      return response.json();
    })
    .then(function (data) { draw(data.items || []); })
    .catch(function (error) { helpers.showError(canvas.parentNode, "The chart could not be drawn: " + error.message + ". The table below gives the numbers."); });
})();
