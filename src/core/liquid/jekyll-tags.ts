/**
 * Jekyll's `{% highlight lang %}…{% endhighlight %}` block, which liquidjs lacks. The code is rendered as
 * Liquid first (Jekyll's tag is a Liquid block) and then highlighted like any fenced code block.
 */
import { Tag, TypeGuards, type Context, type Liquid, type Parser, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import type { MarkdownRenderer } from './engine.ts';

export function registerJekyllTags(liquid: Liquid, markdown: MarkdownRenderer): void {
  liquid.registerTag(
    'highlight',
    class HighlightTag extends Tag {
      private readonly templates: Template[] = [];
      private readonly lang: string;

      constructor(token: TagToken, remainTokens: TopLevelToken[], engine: Liquid, parser: Parser) {
        super(token, remainTokens, engine);
        // `{% highlight ruby linenos %}`: the first word is the language; options are not needed here.
        this.lang = token.args.trim().split(/\s+/)[0] ?? '';
        while (remainTokens.length) {
          const next = remainTokens.shift()!;
          if (TypeGuards.isTagToken(next) && next.name === 'endhighlight') return;
          this.templates.push(parser.parseToken(next, remainTokens));
        }
        throw new Error(`tag ${token.getText()} not closed`);
      }

      *render(ctx: Context): Generator<unknown, string, string> {
        const code = yield this.liquid.renderer.renderTemplates(this.templates, ctx);
        const fence = '`'.repeat(Math.max(3, ...[...code.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));
        return markdown.render(`${fence}${this.lang}\n${code.replace(/^\n+|\s+$/g, '')}\n${fence}\n`);
      }
    },
  );
}
