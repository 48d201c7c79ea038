// After a form is refused, move focus to its error summary, so that keyboard and screen
// reader users hear what went wrong first (the summary has tabindex="-1" and role="alert").
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});
