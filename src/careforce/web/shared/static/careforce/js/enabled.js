// Marks the page as having JavaScript before it is drawn, so enhanced parts (charts, live
// progress) show and GOV.UK Frontend's components know they are supported.
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
