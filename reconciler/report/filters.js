// Filters of the overview table: show only the rows of a kind, a language and a source.
// The choice is kept in the address (#kind=number&lang=bn&source=...), so a filtered view can
// be linked to. Reads only the report's own attributes; page text never reaches this script.
(function () {
  "use strict";
  var table = document.getElementById("overview");
  if (!table) { return; }
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  function matches(row, name, wanted) {
    if (!wanted) { return true; }
    return JSON.parse(row.getAttribute("data-" + name) || "[]").indexOf(wanted) >= 0;
  }
  function apply() {
    var shown = 0;
    var rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var visible = selects.every(function (select) {
        return matches(rows[i], select.getAttribute("data-filter"), select.value);
      });
      rows[i].hidden = !visible;
      if (visible) { shown++; }
    }
    document.getElementById("overview-count").textContent = shown + " of " + rows.length;
  }
  function fromAddress() {
    // "#conflict-..." jumps to a conflict; only "#name=value" addresses set filters.
    if (window.location.hash.indexOf("=") < 0 && window.location.hash.length > 1) { return; }
    var wanted = new URLSearchParams(window.location.hash.slice(1));
    selects.forEach(function (select) {
      var value = wanted.get(select.getAttribute("data-filter")) || "";
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === value;
      });
      select.value = known ? value : "";
    });
    apply();
  }
  selects.forEach(function (select) {
    select.addEventListener("change", function () {
      var chosen = new URLSearchParams();
      selects.forEach(function (other) {
        if (other.value) { chosen.set(other.getAttribute("data-filter"), other.value); }
      });
      history.replaceState(null, "", "#" + chosen.toString());
      apply();
    });
  });
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
  apply();
})();
