// Videos: nothing is fetched from the video host until the reader asks for the player.
// Without JavaScript the link opens the video; with it, the button swaps in the player here.
// The button's text and the player's title come from the HTML (translated by Django).
document.querySelectorAll("[data-video-embed]").forEach((box) => {
  const button = box.querySelector(".video__load");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.className = "video__frame";
    frame.src = box.dataset.videoEmbed;
    frame.title = box.dataset.videoTitle;
    frame.allow = "fullscreen; picture-in-picture; encrypted-media";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    box.replaceChildren(frame);
    frame.focus();
  });
});
