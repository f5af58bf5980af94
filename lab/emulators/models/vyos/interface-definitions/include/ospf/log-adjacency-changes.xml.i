<!-- include start from ospf/metric-type.xml.i -->
<node name="log-adjacency-changes">
  <properties>
    <help>Log adjacency state changes</help>
  </properties>
  <children>
    <leafNode name="detail">
      <properties>
        <help>Log all state changes</help>
        <valueless/>
      </properties>
    </leafNode>
  </children>
</node>
<!-- include end -->
