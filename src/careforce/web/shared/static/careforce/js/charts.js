// Draws each chart from its Vega-Lite specification (a JSON data block next to it). Charts are
// an enhancement: the table and summary beside each one say the same without JavaScript.
// vega-embed's expression interpreter is used so that no code is generated at run time
// (the Content-Security-Policy forbids eval).
(function () {
  "use strict";
  const containers = document.querySelectorAll("[data-chart-spec]");
  containers.forEach(function (container) {
    const source = document.getElementById(container.dataset.chartSpec);
    if (!source || typeof window.vegaEmbed !== "function") {
      return;
    }
    const spec = JSON.parse(source.textContent);
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
