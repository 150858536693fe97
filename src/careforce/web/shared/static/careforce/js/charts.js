// Draws each chart from its Vega-Lite specification (a JSON data block next to it). Charts are
// an enhancement: the table and summary beside each one say the same without JavaScript.
// vega-embed's expression interpreter is used so that no code is generated at run time
// (the Content-Security-Policy forbids eval).
//
// The specifications carry fixed sizes (the PDF reports draw them at that size); on a page a
// chart takes its container's width instead, so the latest point is never off-screen on a phone:
// a single chart fits the container ("container" width), small multiples get as many panels a
// row as fit and panels narrowed to share the width.
(function () {
  "use strict";
  const MIN_PANEL = 140;
  const PANEL_SPACING = 70;

  // A title longer than the chart is wide is set on several lines (Vega does not wrap text).
  function wrapped(title, width) {
    const perLine = Math.max(20, Math.floor(width / 8));
    const lines = [];
    String(title).split(" ").forEach(function (word) {
      const last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= perLine) {
        lines[last] += " " + word;
      } else {
        lines.push(word);
      }
    });
    return lines.length === 1 ? lines[0] : lines;
  }

  function fitted(spec, width) {
    if (typeof spec.title === "string") {
      spec.title = wrapped(spec.title, width);
    } else if (spec.title && typeof spec.title.text === "string") {
      spec.title.text = wrapped(spec.title.text, width);
    }
    if (spec.facet && spec.spec && typeof spec.spec.width === "number") {
      const columns = Math.max(1, Math.min(spec.columns || 1, Math.floor(width / (MIN_PANEL + PANEL_SPACING))));
      spec.columns = columns;
      spec.spec.width = Math.max(MIN_PANEL - 40, Math.min(spec.spec.width, Math.floor(width / columns) - PANEL_SPACING));
      return spec;
    }
    if (typeof spec.width === "number" && !spec.hconcat && !spec.concat && !spec.vconcat) {
      spec.width = "container";
      spec.autosize = { type: "fit", contains: "padding" };
    }
    return spec;
  }

  const containers = document.querySelectorAll("[data-chart-spec]");
  containers.forEach(function (container) {
    const source = document.getElementById(container.dataset.chartSpec);
    if (!source || typeof window.vegaEmbed !== "function") {
      return;
    }
    const spec = fitted(JSON.parse(source.textContent), container.clientWidth || 300);
    window
      .vegaEmbed(container, spec, {
        actions: false,
        ast: true,
        renderer: "svg",
        defaultStyle: false,
        tooltip: false,
      })
      .catch(function () {
        container.hidden = true;
      });
  });
})();
