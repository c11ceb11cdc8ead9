# Jekyll 4.3 (Psych.safe_load) aborts on a YAML alias whose anchor is in another file; Jekyll 4.2's
# SafeYAML read it as nil, and so does our generator (JEKYLL-SEMANTICS.md §8.1). Do the same here, so both
# sides of the benchmark read the same data: on Psych::BadAlias, undefined aliases become null.
require "psych"

module BenchUnknownAlias
  def self.nullify(node, anchors)
    if node.is_a?(Psych::Nodes::Alias) && !anchors.include?(node.anchor)
      return Psych::Nodes::Scalar.new("null", nil, nil, true, false, Psych::Nodes::Scalar::PLAIN)
    end
    anchors << node.anchor if node.respond_to?(:anchor) && node.anchor
    node.children&.map! { |child| nullify(child, anchors) } if node.respond_to?(:children)
    node
  end
end

module Jekyll
  module Utils
    alias_method :bench_safe_load_yaml, :safe_load_yaml
    def safe_load_yaml(yaml)
      bench_safe_load_yaml(yaml)
    rescue Psych::BadAlias
      stream = Psych.parse_stream(yaml)
      stream.children.each { |doc| BenchUnknownAlias.nullify(doc, []) }
      bench_safe_load_yaml(stream.to_yaml)
    end
    module_function :safe_load_yaml
  end
end
