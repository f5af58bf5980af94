<!-- include start from bgp/afi-redistribute-metric-route-map.xml.i -->
<leafNode name="metric">
  <properties>
    <help>Metric for redistributed routes</help>
    <valueHelp>
      <format>u32:1-4294967295</format>
      <description>Metric for redistributed routes</description>
    </valueHelp>
  </properties>
</leafNode>
#include <include/route-map.xml.i>
<!-- include end -->
