// Starts GOV.UK Frontend's components (error summary focus, details, skip link...).
const source = document.body.dataset.govukFrontend;
if (source) {
  import(source).then(({ initAll }) => initAll());
}
