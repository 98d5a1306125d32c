/* Shared chart helpers for byline pages. Page data is placed with
   textContent only, never as markup. */
(function () {
  "use strict";
  var PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#B8860B", "#3A96CC", "#6A51A3", "#444444", "#8C2D04", "#1B7837"];

  function colour(index) { return PALETTE[index % PALETTE.length]; }

  function isoDay(ms) {
    var d = new Date(ms);
    return isNaN(d) ? "" : d.toISOString().slice(0, 10);
  }

  function showError(box, message) {
    var p = document.createElement("p");
    p.className = "empty";
    p.textContent = message;
    box.replaceChildren(p);
  }

  /* A Chart.js `external` tooltip drawn as DOM text, so keyboard users,
     screen readers (aria-live) and tests can read it. linesFor(dataPoint)
     returns {title, lines}. */
  function domTooltip(element, linesFor) {
    return function (context) {
      var tooltip = context.tooltip;
      if (!tooltip || tooltip.opacity === 0 || !tooltip.dataPoints || !tooltip.dataPoints.length) {
        element.hidden = true;
        return;
      }
      var content = linesFor(tooltip.dataPoints[0]);
      var nodes = [];
      var title = document.createElement("span");
      title.className = "tt-line tt-title";
      title.textContent = content.title;
      nodes.push(title);
      content.lines.forEach(function (text) {
        var line = document.createElement("span");
        line.className = "tt-line";
        line.textContent = text;
        nodes.push(line);
      });
      element.replaceChildren.apply(element, nodes);
      element.hidden = false;
      var box = context.chart.canvas.parentNode;
      var left = Math.min(tooltip.caretX + 12, Math.max(0, box.clientWidth - element.offsetWidth));
      var top = tooltip.caretY + 12;
      if (top + element.offsetHeight > box.clientHeight) { top = Math.max(0, tooltip.caretY - element.offsetHeight - 12); }
      element.style.left = left + "px";
      element.style.top = top + "px";
    };
  }

  /* Arrow keys move through points in `order` ([{datasetIndex, index}]);
     Enter or Space calls onEnter with the active point. */
  function keyboardNavigation(chart, order, onEnter) {
    var position = -1;
    function show() {
      var point = order[position];
      var element = chart.getDatasetMeta(point.datasetIndex).data[point.index];
      chart.setActiveElements([point]);
      chart.tooltip.setActiveElements([point], { x: element.x, y: element.y });
      chart.update();
    }
    chart.canvas.addEventListener("keydown", function (event) {
      if (!order.length) { return; }
      if (event.key === "ArrowRight" || event.key === "ArrowDown") { position = (position + 1) % order.length; }
      else if (event.key === "ArrowLeft" || event.key === "ArrowUp") { position = position <= 0 ? order.length - 1 : position - 1; }
      else if (event.key === "Home") { position = 0; }
      else if (event.key === "End") { position = order.length - 1; }
      else if ((event.key === "Enter" || event.key === " ") && position >= 0) { event.preventDefault(); onEnter(order[position]); return; }
      else if (event.key === "Escape") { position = -1; chart.setActiveElements([]); chart.tooltip.setActiveElements([], { x: 0, y: 0 }); chart.update(); return; }
      else { return; }
      event.preventDefault();
      show();
    });
    chart.canvas.addEventListener("blur", function () {
      chart.setActiveElements([]);
      chart.tooltip.setActiveElements([], { x: 0, y: 0 });
      chart.update();
    });
  }

  window.bylineCharts = { colour: colour, isoDay: isoDay, showError: showError, domTooltip: domTooltip, keyboardNavigation: keyboardNavigation };
})();
