<!-- include start from bfd/bfd.xml.i -->
<node name="bfd">
  <properties>
    <help>Enable Bidirectional Forwarding Detection (BFD)</help>
  </properties>
  <children>
    #include <include/bfd/profile.xml.i>
  </children>
</node>
<!-- include end -->
