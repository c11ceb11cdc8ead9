# The one Liquid filter the reference format needs beyond Jekyll's own: render a string as Liquid once
# more, in the current context (JEKYLL-SEMANTICS.md §2). Written for the benchmark.
module BenchFlatify
  def flatify(input)
    Liquid::Template.parse(input.to_s).render(@context)
  end
end
Liquid::Template.register_filter(BenchFlatify)
