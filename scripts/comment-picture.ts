// npm run docs:comment: renders the README's picture of the comment (docs/images/comment.png)
// from the real renderer, with Chromium at SHIPGATE_CHROMIUM or /usr/bin/chromium. The bundled
// CLI must be built (npm ci or npm run build). See docs/development.md.
import { writeCommentPicture, PICTURE } from "./docs/render-comment-picture.js";

await writeCommentPicture(process.env.SHIPGATE_CHROMIUM ?? "/usr/bin/chromium");
console.log(`wrote ${PICTURE}`);
