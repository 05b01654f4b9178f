// The stock Pagefind UI for now; the search issue replaces it with the archive's own.
window.addEventListener("DOMContentLoaded", function () {
  new PagefindUI({ element: "#search", showSubResults: false });
});
