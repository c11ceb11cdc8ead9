# The generator renders a missing include as empty, with a warning; Jekyll stops the build. The Stitch
# tree calls includes it does not ship (`layout/image.html`, …), so the benchmark does what the generator does.
module BenchMissingInclude
  def render(context)
    super
  rescue IOError
    ""
  end
end
Jekyll::Tags::IncludeTag.prepend(BenchMissingInclude)
Jekyll::Tags::OptimizedIncludeTag.prepend(BenchMissingInclude) if defined?(Jekyll::Tags::OptimizedIncludeTag)
