namespace AlliancePositions.Web.Tests.Ingest;

/// <summary>Article pages as news sites write them: the article inside navigation, a cookie banner, asides and a footer.</summary>
internal static class ArticlePages
{
    public const string Chrome = "Accept all cookies";

    public static string WithChrome(string title, IEnumerable<string> paragraphs, string? published = null, string lang = "en", string? canonical = null,
        string? timeElement = null) => $$"""
        <!doctype html>
        <html lang="{{lang}}">
        <head>
          <title>{{title}} | Example Press</title>
          <meta property="og:title" content="{{title}}">
          {{(canonical is null ? "" : $"<link rel=\"canonical\" href=\"{canonical}\">")}}
          {{(published is null ? "" : $$"""<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"{{title}}","datePublished":"{{published}}"}</script>""")}}
          <style>body { font-family: serif }</style>
        </head>
        <body>
          <div id="cookie-banner" class="consent">{{Chrome}} <button>OK</button> We use cookies to improve the site.</div>
          <header class="site-header"><a href="/">Example Press</a> Home World Politics Sport</header>
          <nav><ul><li>World</li><li>Europe</li><li>Opinion</li></ul></nav>
          <main>
            <article>
              <h1>{{title}}</h1>
              {{timeElement ?? ""}}
              {{string.Join("\n", paragraphs.Select(p => $"<p>{p}</p>"))}}
              <div class="share-bar">Share on social media</div>
            </article>
            <aside>Most read: Ten things about the weather</aside>
          </main>
          <footer>© Example Press. Subscribe to our newsletter. Imprint. Privacy.</footer>
          <script>console.log("tracking")</script>
        </body>
        </html>
        """;
}
