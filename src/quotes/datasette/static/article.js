// The article page: a click on a mark, or a link to #q-ID (from a quote row), shows the
// records under it (speaker, kind, confidence, a link to the row) and outlines their marks.
document.addEventListener("DOMContentLoaded", function () {
  var details = document.getElementById("quote-details");
  var text = document.getElementById("article-text");
  if (!details || !text) { return; }

  function show(ids) {
    text.querySelectorAll(".hl.active").forEach(function (el) { el.classList.remove("active"); });
    details.textContent = "";
    ids.forEach(function (id) {
      var row = document.getElementById("q-" + id);
      if (!row) { return; }
      text.querySelectorAll("[data-quote-id]").forEach(function (el) {
        if (el.dataset.quoteId.split(" ").indexOf(id) >= 0) { el.classList.add("active"); }
      });
      var line = document.createElement("p");
      line.className = "quote-detail";
      line.dataset.quoteId = id;
      var link = document.createElement("a");
      link.href = row.dataset.rowUrl;
      link.textContent = "#" + id;
      line.appendChild(link);
      line.appendChild(document.createTextNode(
        " " + (row.dataset.speaker || "no speaker") + " · " + row.dataset.kind +
        " · confidence " + row.dataset.confidence + (row.classList.contains("low") ? " (low)" : "")));
      details.appendChild(line);
    });
    details.hidden = details.childNodes.length === 0;
  }

  function fromHash() {
    var match = /^#q-(\d+)$/.exec(window.location.hash);
    if (!match) { return; }
    show([match[1]]);
    var first = text.querySelector(".hl.active");
    if (first) { first.scrollIntoView({block: "center"}); }     // the quote in its text, not its table row
  }

  text.addEventListener("click", function (event) {
    var mark = event.target.closest("[data-quote-id]");
    if (!mark) { return; }
    event.preventDefault();
    show(mark.dataset.quoteId.split(" "));
  });
  window.addEventListener("hashchange", fromHash);
  fromHash();
});
